// Shared plumbing of the addon: how tensors cross the N-API boundary, how arguments are decoded and how
// libtorch failures become JS exceptions.
#pragma once

#include <napi.h>
#include <ATen/ATen.h>

#include <string>
#include <vector>

namespace stadium {

// JS sees a tensor as an External wrapping this holder. dispose() resets `t` at once; the External's
// finaliser deletes the holder when the JS object is collected, so a forgotten tensor is freed eventually.
struct Holder {
  at::Tensor t;
};

Napi::Value Wrap(Napi::Env env, at::Tensor t);
// A libtorch function returning an undefined tensor (e.g. no gradient yet) maps to null.
Napi::Value WrapOrNull(Napi::Env env, const at::Tensor& t);
at::Tensor& Unwrap(const Napi::Value& v);
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
