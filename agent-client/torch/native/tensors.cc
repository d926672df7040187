// Tensor handles, argument decoding, creation from and copying to JS memory, metadata, autograd switches and
// process-wide settings (threads, seeds, devices, memory accounting).
#include "common.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <c10/core/CPUAllocator.h>
#include <torch/cuda.h>

#include <dlfcn.h>

#include <atomic>
#include <deque>
#include <cstring>

namespace stadium {

namespace {

thread_local int64_t liveHandles = 0;
std::atomic<int64_t> cpuBytes{0};

// Wraps libtorch's CPU allocator to count the bytes it currently holds, so that a leak test can watch libtorch's
// own memory rather than only the process RSS (which the C allocator rarely gives back). The size is kept in a
// header in front of each block: data and context must stay the same pointer for raw_allocate (used by oneDNN).
class CountingAllocator final : public c10::Allocator {
 public:
  explicit CountingAllocator(c10::Allocator* base) : base_(base) { baseDeleter_ = base->raw_deleter(); }

  // libtorch 2.3 made allocate non-const (it may change the allocator's state); 1.13 declares it const.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 3)
  c10::DataPtr allocate(size_t n) override {
#else
  c10::DataPtr allocate(size_t n) const override {
#endif
    auto* block = static_cast<char*>(base_->raw_allocate(n + kHeader));
    *reinterpret_cast<size_t*>(block) = n;
    cpuBytes += static_cast<int64_t>(n);
    void* data = block + kHeader;
    return {data, data, &Release, c10::Device(c10::DeviceType::CPU)};
  }

  c10::DeleterFnPtr raw_deleter() const override { return &Release; }

#if TORCH_VERSION_MAJOR >= 2
  void copy_data(void* dest, const void* src, std::size_t count) const override {
    std::memcpy(dest, src, count);
  }
#endif

 private:
  // A multiple of the CPU allocator's 64-byte alignment, so the data after the header stays aligned.
  static constexpr size_t kHeader = 64;
  static inline c10::DeleterFnPtr baseDeleter_ = nullptr;

  static void Release(void* data) {
    char* block = static_cast<char*>(data) - kHeader;
    cpuBytes -= static_cast<int64_t>(*reinterpret_cast<size_t*>(block));
    baseDeleter_(block);
  }
  c10::Allocator* base_;
};

struct Slot {
  at::Tensor t;
  uint32_t generation = 0;
  uint32_t index = 0;
};
constexpr int64_t kIndexBits = 24;
constexpr int64_t kIndexMask = (int64_t{1} << kIndexBits) - 1;
// Generations wrap below 2^29 so that index and generation fit a double exactly (2^53).
constexpr uint32_t kGenerationMask = (1u << 29) - 1;

// A deque, so that growing it never moves a slot: Unwrap hands out references that a later Wrap in the same
// binding must not invalidate.
thread_local std::deque<Slot> slots;
thread_local std::vector<uint32_t> freeSlots;

// The slot a handle names, or null when it does not name a live tensor.
Slot* Find(const Napi::Value& v) {
  double raw = v.As<Napi::Number>().DoubleValue();
  if (!(raw >= 0 && raw < 9007199254740992.0)) return nullptr;
  auto id = static_cast<int64_t>(raw);
  auto index = static_cast<size_t>(id & kIndexMask);
  if (index >= slots.size()) return nullptr;
  Slot& s = slots[index];
  return s.generation == static_cast<uint32_t>(id >> kIndexBits) && s.t.defined() ? &s : nullptr;
}

}  // namespace

Napi::Value Wrap(Napi::Env env, at::Tensor t) {
  uint32_t index;
  if (freeSlots.empty()) {
    if (slots.size() > static_cast<size_t>(kIndexMask)) throw std::runtime_error("too many live tensors (2^24)");
    index = static_cast<uint32_t>(slots.size());
    slots.emplace_back().index = index;
  } else {
    index = freeSlots.back();
    freeSlots.pop_back();
  }
  Slot& s = slots[index];
  s.t = std::move(t);
  ++liveHandles;
  return Napi::Number::New(env, static_cast<double>((static_cast<int64_t>(s.generation) << kIndexBits) | index));
}

Napi::Value WrapOrNull(Napi::Env env, const at::Tensor& t) {
  return t.defined() ? Wrap(env, t) : env.Null();
}

at::Tensor& Unwrap(const Napi::Value& v) {
  if (!v.IsNumber()) throw Napi::TypeError::New(v.Env(), "expected a Tensor");
  Slot* s = Find(v);
  if (!s) throw Napi::Error::New(v.Env(), "tensor was used after dispose()");
  return s->t;
}

c10::optional<at::Tensor> UnwrapOptional(const Napi::Value& v) {
  if (v.IsNull() || v.IsUndefined()) return c10::nullopt;
  return Unwrap(v);
}

std::vector<at::Tensor> UnwrapList(const Napi::Value& v) {
  if (!v.IsArray()) throw Napi::TypeError::New(v.Env(), "expected an array of Tensors");
  auto arr = v.As<Napi::Array>();
  std::vector<at::Tensor> out;
  out.reserve(arr.Length());
  for (uint32_t i = 0; i < arr.Length(); i++) out.push_back(Unwrap(arr.Get(i)));
  return out;
}

Napi::Array WrapList(Napi::Env env, const std::vector<at::Tensor>& ts) {
  auto arr = Napi::Array::New(env, ts.size());
  for (uint32_t i = 0; i < ts.size(); i++) arr.Set(i, Wrap(env, ts[i]));
  return arr;
}

double Num(const Napi::Value& v) {
  if (!v.IsNumber()) throw Napi::TypeError::New(v.Env(), "expected a number");
  return v.As<Napi::Number>().DoubleValue();
}

int64_t Int(const Napi::Value& v) {
  if (v.IsBigInt()) {
    bool lossless;
    return v.As<Napi::BigInt>().Int64Value(&lossless);
  }
  return v.As<Napi::Number>().Int64Value();
}

bool Bool(const Napi::Value& v) { return v.ToBoolean().Value(); }

std::string Str(const Napi::Value& v) {
  if (!v.IsString()) throw Napi::TypeError::New(v.Env(), "expected a string");
  return v.As<Napi::String>().Utf8Value();
}

std::vector<int64_t> Ints(const Napi::Value& v) {
  if (!v.IsArray()) throw Napi::TypeError::New(v.Env(), "expected an array of integers");
  auto arr = v.As<Napi::Array>();
  std::vector<int64_t> out(arr.Length());
  for (uint32_t i = 0; i < out.size(); i++) out[i] = Int(arr.Get(i));
  return out;
}

namespace {
struct DTypeEntry {
  const char* name;
  at::ScalarType type;
};
constexpr DTypeEntry kDTypes[] = {
    {"float32", at::kFloat}, {"float64", at::kDouble}, {"float16", at::kHalf}, {"bfloat16", at::kBFloat16},
    {"int64", at::kLong},    {"int32", at::kInt},      {"int16", at::kShort},  {"int8", at::kChar},
    {"uint8", at::kByte},    {"bool", at::kBool},
};
}  // namespace

at::ScalarType DType(const Napi::Value& v) {
  std::string name = Str(v);
  for (const auto& e : kDTypes)
    if (name == e.name) return e.type;
  throw Napi::TypeError::New(v.Env(), "unknown dtype '" + name +
                                          "' (allowed: float32, float64, float16, bfloat16, int64, int32, int16, "
                                          "int8, uint8, bool)");
}

const char* DTypeName(at::ScalarType s) {
  for (const auto& e : kDTypes)
    if (s == e.type) return e.name;
  return c10::toString(s);
}

at::Device Device(const Napi::Value& v) { return at::Device(Str(v)); }

c10::optional<at::Generator> Gen(const Napi::Value& v) {
  if (v.IsNull() || v.IsUndefined()) return c10::nullopt;
  return *v.As<Napi::External<at::Generator>>().Data();
}

at::Scalar ToScalar(const Napi::Value& v) {
  if (v.IsBoolean()) return at::Scalar(v.As<Napi::Boolean>().Value());
  if (v.IsBigInt()) return at::Scalar(Int(v));
  double d = Num(v);
  if (std::nearbyint(d) == d && std::abs(d) < 9007199254740992.0) return at::Scalar(static_cast<int64_t>(d));
  return at::Scalar(d);
}

namespace {

at::TensorOptions Options(const Napi::Value& dtype, const Napi::Value& device) {
  return at::TensorOptions().dtype(DType(dtype)).device(Device(device));
}

// fromBytes(view, dtype, shape, device): one memcpy from any TypedArray (its alignment does not matter).
Napi::Value FromBytes(const Napi::CallbackInfo& info) {
  if (!info[0].IsTypedArray()) throw Napi::TypeError::New(info.Env(), "expected a TypedArray or Buffer");
  auto view = info[0].As<Napi::TypedArray>();
  auto bytes = static_cast<const uint8_t*>(view.ArrayBuffer().Data()) + view.ByteOffset();
  size_t length = view.ByteLength();
  auto shape = Ints(info[2]);
  at::Tensor t = at::empty(shape, at::TensorOptions().dtype(DType(info[1])));
  if (t.nbytes() != length)
    throw Napi::RangeError::New(info.Env(), "data has " + std::to_string(length) + " bytes but shape " +
                                                c10::str(t.sizes()) + " of " + DTypeName(t.scalar_type()) +
                                                " needs " + std::to_string(t.nbytes()));
  if (length) std::memcpy(t.data_ptr(), bytes, length);
  at::Device device = Device(info[3]);
  return Wrap(info.Env(), device.is_cpu() ? t : t.to(device));
}

// toBytes(t): a fresh ArrayBuffer with the tensor's elements in row-major order, copied once.
Napi::Value ToBytes(const Napi::CallbackInfo& info) {
  at::Tensor t = Unwrap(info[0]).detach().to(at::kCPU).contiguous();
  auto buf = Napi::ArrayBuffer::New(info.Env(), t.nbytes());
  if (t.nbytes()) std::memcpy(buf.Data(), t.data_ptr(), t.nbytes());
  return buf;
}

Napi::Value Item(const Napi::CallbackInfo& info) {
  at::Tensor& t = Unwrap(info[0]);
  if (t.numel() != 1)
    throw Napi::RangeError::New(info.Env(), "item() needs a tensor with exactly one element, got shape " +
                                                c10::str(t.sizes()));
  return Napi::Number::New(info.Env(), t.item<double>());
}

Napi::Value Full(const Napi::CallbackInfo& info) {
  return Wrap(info.Env(), at::full(Ints(info[0]), ToScalar(info[1]), Options(info[2], info[3])));
}

Napi::Value Arange(const Napi::CallbackInfo& info) {
  return Wrap(info.Env(),
              at::arange(ToScalar(info[0]), ToScalar(info[1]), ToScalar(info[2]), Options(info[3], info[4])));
}

Napi::Value Rand(const Napi::CallbackInfo& info) {
  return Wrap(info.Env(), at::rand(Ints(info[0]), Gen(info[3]), Options(info[1], info[2])));
}

Napi::Value Randn(const Napi::CallbackInfo& info) {
  return Wrap(info.Env(), at::randn(Ints(info[0]), Gen(info[3]), Options(info[1], info[2])));
}

Napi::Value Randint(const Napi::CallbackInfo& info) {
  return Wrap(info.Env(),
              at::randint(Int(info[0]), Int(info[1]), Ints(info[2]), Gen(info[5]), Options(info[3], info[4])));
}

Napi::Value Multinomial(const Napi::CallbackInfo& info) {
  return Wrap(info.Env(), at::multinomial(Unwrap(info[0]), Int(info[1]), Bool(info[2]), Gen(info[3])));
}

// In-place initialisers run without recording history, so they can fill parameters that require grad.
Napi::Value Uniform_(const Napi::CallbackInfo& info) {
  at::NoGradGuard noGrad;
  Unwrap(info[0]).uniform_(Num(info[1]), Num(info[2]), Gen(info[3]));
  return info.Env().Undefined();
}

Napi::Value Normal_(const Napi::CallbackInfo& info) {
  at::NoGradGuard noGrad;
  Unwrap(info[0]).normal_(Num(info[1]), Num(info[2]), Gen(info[3]));
  return info.Env().Undefined();
}

Napi::Value Copy_(const Napi::CallbackInfo& info) {
  at::NoGradGuard noGrad;
  Unwrap(info[0]).copy_(Unwrap(info[1]));
  return info.Env().Undefined();
}

Napi::Value Fill_(const Napi::CallbackInfo& info) {
  at::NoGradGuard noGrad;
  Unwrap(info[0]).fill_(ToScalar(info[1]));
  return info.Env().Undefined();
}

Napi::Value NewGenerator(const Napi::CallbackInfo& info) {
  auto gen = new at::Generator(at::make_generator<at::CPUGeneratorImpl>(static_cast<uint64_t>(Int(info[0]))));
  return Napi::External<at::Generator>::New(info.Env(), gen, [](Napi::Env, at::Generator* g) { delete g; });
}

// Disposing a stale or already disposed handle does nothing, so JS may dispose twice safely.
Napi::Value Dispose(const Napi::CallbackInfo& info) {
  if (!info[0].IsNumber()) return info.Env().Undefined();
  if (Slot* s = Find(info[0])) {
    s->t.reset();
    s->generation = (s->generation + 1) & kGenerationMask;
    freeSlots.push_back(s->index);
    --liveHandles;
  }
  return info.Env().Undefined();
}

Napi::Value IsDisposed(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), !info[0].IsNumber() || Find(info[0]) == nullptr);
}

Napi::Value Shape(const Napi::CallbackInfo& info) {
  at::Tensor& t = Unwrap(info[0]);
  auto arr = Napi::Array::New(info.Env(), t.dim());
  for (int64_t i = 0; i < t.dim(); i++) arr.Set(static_cast<uint32_t>(i), Napi::Number::New(info.Env(), t.size(i)));
  return arr;
}

Napi::Value DTypeOf(const Napi::CallbackInfo& info) {
  return Napi::String::New(info.Env(), DTypeName(Unwrap(info[0]).scalar_type()));
}

Napi::Value DeviceOf(const Napi::CallbackInfo& info) {
  return Napi::String::New(info.Env(), Unwrap(info[0]).device().str());
}

Napi::Value To(const Napi::CallbackInfo& info) {
  at::Tensor& t = Unwrap(info[0]);
  auto dtype = info[2].IsString() ? DType(info[2]) : t.scalar_type();
  auto device = info[1].IsString() ? Device(info[1]) : t.device();
  return Wrap(info.Env(), t.to(device, dtype));
}

Napi::Value RequiresGrad(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), Unwrap(info[0]).requires_grad());
}

Napi::Value SetRequiresGrad(const Napi::CallbackInfo& info) {
  Unwrap(info[0]).requires_grad_(Bool(info[1]));
  return info.Env().Undefined();
}

Napi::Value Grad(const Napi::CallbackInfo& info) { return WrapOrNull(info.Env(), Unwrap(info[0]).grad()); }

Napi::Value Backward(const Napi::CallbackInfo& info) {
  auto gradient = UnwrapOptional(info[1]);
  Unwrap(info[0]).backward(gradient ? *gradient : at::Tensor(), Bool(info[2]));
  return info.Env().Undefined();
}

// Returns the previous mode so that JS can restore it around a callback, even one that throws.
Napi::Value SetGradEnabled(const Napi::CallbackInfo& info) {
  bool previous = c10::GradMode::is_enabled();
  c10::GradMode::set_enabled(Bool(info[0]));
  return Napi::Boolean::New(info.Env(), previous);
}

// libtorch leaves the BLAS's own thread pool alone; with OpenBLAS (which Debian's libtorch uses once installed) a
// 1-thread setting still ran matrix products on every core, measured 1.4x slower than Python here for a batch-1
// forward. The symbol is looked up at run time because other BLAS builds do not have it.
void SetBlasThreads(int n) {
  using SetFn = void (*)(int);
  static const auto fn = reinterpret_cast<SetFn>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
  if (fn) fn(n);
}

Napi::Value SetNumThreads(const Napi::CallbackInfo& info) {
  const int n = static_cast<int>(Int(info[0]));
  at::set_num_threads(n);
  SetBlasThreads(n);
  return info.Env().Undefined();
}

Napi::Value GetNumThreads(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), at::get_num_threads());
}

Napi::Value ManualSeed(const Napi::CallbackInfo& info) {
  at::manual_seed(static_cast<uint64_t>(Int(info[0])));
  return info.Env().Undefined();
}

Napi::Value CudaIsAvailable(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), torch::cuda::is_available());
}

Napi::Value CudaDeviceCount(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), static_cast<double>(torch::cuda::device_count()));
}

Napi::Value MemoryStats(const Napi::CallbackInfo& info) {
  auto out = Napi::Object::New(info.Env());
  out.Set("handles", Napi::Number::New(info.Env(), static_cast<double>(liveHandles)));
  out.Set("cpuBytes", Napi::Number::New(info.Env(), static_cast<double>(cpuBytes.load())));
  return out;
}

Napi::Value Version(const Napi::CallbackInfo& info) { return Napi::String::New(info.Env(), TORCH_VERSION); }

}  // namespace

void RegisterTensors(Napi::Env env, Napi::Object exports) {
  static CountingAllocator counting(c10::GetCPUAllocator());
  c10::SetCPUAllocator(&counting, /*priority=*/100);

  Export<FromBytes>(env, exports, "fromBytes");
  Export<ToBytes>(env, exports, "toBytes");
  Export<Item>(env, exports, "item");
  Export<Full>(env, exports, "full");
  Export<Arange>(env, exports, "arange");
  Export<Rand>(env, exports, "rand");
  Export<Randn>(env, exports, "randn");
  Export<Randint>(env, exports, "randint");
  Export<Multinomial>(env, exports, "multinomial");
  Export<Uniform_>(env, exports, "uniform_");
  Export<Normal_>(env, exports, "normal_");
  Export<Copy_>(env, exports, "copy_");
  Export<Fill_>(env, exports, "fill_");
  Export<NewGenerator>(env, exports, "newGenerator");
  Export<Dispose>(env, exports, "dispose");
  Export<IsDisposed>(env, exports, "isDisposed");
  Export<Shape>(env, exports, "shape");
  Export<DTypeOf>(env, exports, "dtype");
  Export<DeviceOf>(env, exports, "device");
  Export<To>(env, exports, "to");
  Export<RequiresGrad>(env, exports, "requiresGrad");
  Export<SetRequiresGrad>(env, exports, "setRequiresGrad");
  Export<Grad>(env, exports, "grad");
  Export<Backward>(env, exports, "backward");
  Export<SetGradEnabled>(env, exports, "setGradEnabled");
  Export<SetNumThreads>(env, exports, "setNumThreads");
  Export<GetNumThreads>(env, exports, "getNumThreads");
  Export<ManualSeed>(env, exports, "manualSeed");
  Export<CudaIsAvailable>(env, exports, "cudaIsAvailable");
  Export<CudaDeviceCount>(env, exports, "cudaDeviceCount");
  Export<MemoryStats>(env, exports, "memoryStats");
  Export<Version>(env, exports, "version");
}

}  // namespace stadium

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  stadium::RegisterTensors(env, exports);
  stadium::RegisterOps(env, exports);
  stadium::RegisterTraining(env, exports);
  return exports;
}

NODE_API_MODULE(stadium_torch, Init)
