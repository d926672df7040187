// Shared plumbing of the addon: how tensors cross the N-API boundary, how arguments are decoded and how
// libtorch failures become JS exceptions.
#pragma once

#include <napi.h>
#include <ATen/ATen.h>
// Included by name rather than through ATen.h: libtorch 2.x headers moved to std::optional, keeping
// c10/util/Optional.h only as the header of the c10::optional alias (its own class in 1.13); version.h gives the
// TORCH_VERSION_* checks for the API differences between the two.
#include <ATen/core/Reduction.h>
#include <c10/util/Optional.h>
#include <torch/version.h>

#include <string>
#include <vector>

namespace stadium {

// JS sees a tensor as a number: a slot in a per-thread table plus the slot's generation, so a handle used after
// dispose() (whose slot may hold a newer tensor by then) is recognised and refused. Numbers rather than
// N-API Externals: an External's finaliser is deferred to the event loop, so a synchronous training loop would
// pile up millions of pending finalisers; disposal here is immediate and the JS side's FinalizationRegistry
// covers only tensors that escape every tidy() scope.
Napi::Value Wrap(Napi::Env env, at::Tensor t);
// A libtorch function returning an undefined tensor (e.g. no gradient yet) maps to null.
Napi::Value WrapOrNull(Napi::Env env, const at::Tensor& t);
at::Tensor& Unwrap(const Napi::Value& v);
inline bool IsHandle(const Napi::Value& v) { return v.IsNumber(); }
c10::optional<at::Tensor> UnwrapOptional(const Napi::Value& v);
std::vector<at::Tensor> UnwrapList(const Napi::Value& v);
Napi::Array WrapList(Napi::Env env, const std::vector<at::Tensor>& ts);

double Num(const Napi::Value& v);
int64_t Int(const Napi::Value& v);
bool Bool(const Napi::Value& v);
std::string Str(const Napi::Value& v);
std::vector<int64_t> Ints(const Napi::Value& v);
at::ScalarType DType(const Napi::Value& v);
const char* DTypeName(at::ScalarType s);
at::Device Device(const Napi::Value& v);
c10::optional<at::Generator> Gen(const Napi::Value& v);
// A JS number becomes an integral Scalar when it is a whole number, so that int64 tensors keep their dtype.
at::Scalar ToScalar(const Napi::Value& v);

using Binding = Napi::Value (*)(const Napi::CallbackInfo&);

// Every exported function goes through Guarded, which turns c10::Error (shape mismatch, wrong device, out of
// memory) and any other C++ exception into a JS Error carrying libtorch's message instead of aborting.
template <Binding F>
Napi::Value Guarded(const Napi::CallbackInfo& info) {
  try {
    return F(info);
  } catch (const Napi::Error&) {
    throw;
  } catch (const c10::Error& e) {
    throw Napi::Error::New(info.Env(), e.what_without_backtrace());
  } catch (const std::exception& e) {
    throw Napi::Error::New(info.Env(), e.what());
  }
}

template <Binding F>
void Export(Napi::Env env, Napi::Object exports, const char* name) {
  exports.Set(name, Napi::Function::New(env, Guarded<F>, name));
}

void RegisterTensors(Napi::Env env, Napi::Object exports);
void RegisterOps(Napi::Env env, Napi::Object exports);
void RegisterTraining(Napi::Env env, Napi::Object exports);

}  // namespace stadium
