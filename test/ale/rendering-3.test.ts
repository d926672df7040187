import { renderingTests } from './rendering.js';

renderingTests(3);
