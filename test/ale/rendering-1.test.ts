import { renderingTests } from './rendering.js';

renderingTests(1);
