// Stadium's deep-learning engine: libtorch through N-API, with an API that reads like PyTorch.
export { Tensor, type Operand } from './tensor.js';
export { type DType } from './dtype.js';
export { type Device, type DeviceSpec, cuda, resolveDevice } from './device.js';
export { tensor, full, zeros, ones, zerosLike, onesLike, arange, type TensorOptions, type NestedArray } from './creation.js';
export { cat, stack, where, qr, diagonal } from './functional.js';
export { Generator, manualSeed, rand, randn, uniform, normal, randint, multinomial, type RandomOptions } from './random.js';
export { noGrad, setNumThreads, getNumThreads, memoryStats, libtorchVersion, type MemoryStats } from './runtime.js';
export { tidy, keep } from './scope.js';
export { save, load, serialize, deserialize } from './safetensors.js';
export * as nn from './nn/index.js';
export * as optim from './optim/index.js';
