// The value last seen on the data bus. The TIA drives only the top bits of
// its read registers; the rest read back whatever the bus held before, as in
// ALE's emulator, where every memory access (also ALE's own RAM reads for
// scores) leaves its value behind.
export let dataBus: u32 = 0;

@inline
export function setDataBus(value: u32): void {
  dataBus = value;
}
