export { Module, type StateDict } from './module.js';
export { Linear } from './linear.js';
export { Conv2d, type Conv2dOptions } from './conv2d.js';
export { ReLU, LeakyReLU, Sigmoid, Tanh, Flatten } from './activations.js';
export { Sequential } from './sequential.js';
export { mseLoss, huberLoss, smoothL1Loss, crossEntropy, type Reduction } from './losses.js';
export * as init from './init.js';
