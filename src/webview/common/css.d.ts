// Stylesheets imported for esbuild's CSS bundle (codicons); they export nothing.
declare module '*.css';
