// Devices: 'cpu', 'cuda', 'cuda:N', or 'auto' (CUDA when this libtorch and machine have it, else the CPU).
import { native } from './native.js';

export type Device = 'cpu' | 'cuda' | `cuda:${number}`;
export type DeviceSpec = Device | 'auto';

export const cuda = {
  /** Whether the addon was linked against a CUDA libtorch and a GPU is visible. */
  isAvailable(): boolean {
    return native.cudaIsAvailable();
  },
  deviceCount(): number {
    return native.cudaDeviceCount();
  },
};

export function resolveDevice(spec: string): Device {
  if (spec === 'auto') return cuda.isAvailable() ? 'cuda' : 'cpu';
  if (spec === 'cpu' || /^cuda(:\d+)?$/.test(spec)) return spec as Device;
  throw new TypeError(`unknown device '${spec}' (allowed: 'cpu', 'cuda', 'cuda:N', 'auto')`);
}
