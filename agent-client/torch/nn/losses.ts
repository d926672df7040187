// Loss functions over predictions and targets, reduced like their torch.nn.functional namesakes.
import { Tensor } from '../tensor.js';
import { native } from '../native.js';

export type Reduction = 'mean' | 'sum' | 'none';

export function mseLoss(input: Tensor, target: Tensor, options: { reduction?: Reduction } = {}): Tensor {
  return new Tensor(native.mseLoss(input.handle, target.handle, options.reduction ?? 'mean'));
}

/** Huber loss: quadratic within delta of the target, linear beyond (DQN's error clipping). */
export function huberLoss(input: Tensor, target: Tensor, options: { reduction?: Reduction; delta?: number } = {}): Tensor {
  return new Tensor(native.huberLoss(input.handle, target.handle, options.reduction ?? 'mean', options.delta ?? 1));
}

/** Smooth L1: Huber loss divided by beta (equal to it for beta = 1). */
export function smoothL1Loss(input: Tensor, target: Tensor, options: { reduction?: Reduction; beta?: number } = {}): Tensor {
  return new Tensor(native.smoothL1Loss(input.handle, target.handle, options.reduction ?? 'mean', options.beta ?? 1));
}

/** Cross entropy of unnormalised logits [N, C] against int64 class indices [N] (or class probabilities). */
export function crossEntropy(logits: Tensor, target: Tensor, options: { reduction?: Reduction; labelSmoothing?: number } = {}): Tensor {
  return new Tensor(native.crossEntropy(logits.handle, target.handle, options.reduction ?? 'mean', options.labelSmoothing ?? 0));
}
