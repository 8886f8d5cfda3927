// Step markdown rendering is shared with `hoc lab validate` (same parser, same links).
export { renderStepMarkdown, stripLeadingTitle, type RenderOptions } from '../../shared/stepMarkdown';
