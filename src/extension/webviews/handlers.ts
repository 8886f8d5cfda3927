// A view's method table as functions: one async handler per method, params already validated.
import type { MethodTable } from '../../shared/webviewProtocol';

export type Handlers<M extends MethodTable> = { [K in keyof M]: (params: M[K]['params']) => Promise<M[K]['result']> };
