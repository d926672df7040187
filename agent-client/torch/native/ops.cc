// Tensor operations: each binding is one libtorch call. Binary ops come in pairs, NAME for a tensor operand and
// NAMEScalar for a JS number (handles are numbers too, so the caller says which it passes).
#include "common.h"

namespace stadium {

namespace {

using Info = const Napi::CallbackInfo&;

#define UNARY(NAME, EXPR)                            \
  Napi::Value NAME(Info info) {                      \
    const at::Tensor& a = Unwrap(info[0]);           \
    return Wrap(info.Env(), EXPR);                   \
  }

#define BINARY(NAME, METHOD)                                                                    \
  UNARY(NAME, a.METHOD(Unwrap(info[1])))                                                        \
  UNARY(NAME##Scalar, a.METHOD(ToScalar(info[1])))

UNARY(Neg, a.neg())
UNARY(Exp, a.exp())
UNARY(Log, a.log())
UNARY(Sqrt, a.sqrt())
UNARY(Abs, a.abs())
UNARY(Tanh, a.tanh())
UNARY(Sigmoid, a.sigmoid())
UNARY(Relu, a.relu())
UNARY(Sign, a.sign())
UNARY(LeakyRelu, at::leaky_relu(a, ToScalar(info[1])))
UNARY(Softmax, a.softmax(Int(info[1])))
UNARY(LogSoftmax, a.log_softmax(Int(info[1])))
UNARY(Detach, a.detach())
UNARY(Clone, a.clone())
UNARY(Contiguous, a.contiguous())
UNARY(View, a.view(Ints(info[1])))
UNARY(Reshape, a.reshape(Ints(info[1])))
UNARY(Expand, a.expand(Ints(info[1])))
UNARY(Permute, a.permute(Ints(info[1])))
UNARY(Transpose, a.transpose(Int(info[1]), Int(info[2])))
UNARY(Flatten, a.flatten(Int(info[1]), Int(info[2])))
UNARY(Unsqueeze, a.unsqueeze(Int(info[1])))
UNARY(Squeeze, info[1].IsNumber() ? a.squeeze(Int(info[1])) : a.squeeze())
UNARY(Select, a.select(Int(info[1]), Int(info[2])))
UNARY(Slice, a.slice(Int(info[1]), Int(info[2]), Int(info[3]), Int(info[4])))
UNARY(Index, a.index({Unwrap(info[1])}))
UNARY(IndexSelect, a.index_select(Int(info[1]), Unwrap(info[2])))
UNARY(Gather, a.gather(Int(info[1]), Unwrap(info[2])))
UNARY(Scatter, a.scatter(Int(info[1]), Unwrap(info[2]), Unwrap(info[3])))
UNARY(ScatterScalar, a.scatter(Int(info[1]), Unwrap(info[2]), ToScalar(info[3])))
UNARY(Matmul, a.matmul(Unwrap(info[1])))
UNARY(Diagonal, a.diagonal())
UNARY(MaxAll, a.max())
UNARY(MinAll, a.min())
UNARY(Argmax, info[1].IsNumber() ? a.argmax(Int(info[1]), Bool(info[2])) : a.argmax())
UNARY(Argmin, info[1].IsNumber() ? a.argmin(Int(info[1]), Bool(info[2])) : a.argmin())
UNARY(Clamp, a.clamp(info[1].IsNumber() ? c10::optional<at::Scalar>(ToScalar(info[1])) : c10::nullopt,
                     info[2].IsNumber() ? c10::optional<at::Scalar>(ToScalar(info[2])) : c10::nullopt))

BINARY(Add, add)
BINARY(Sub, sub)
BINARY(Mul, mul)
BINARY(Div, div)
BINARY(Pow, pow)
BINARY(Remainder, remainder)
BINARY(Eq, eq)
BINARY(Ne, ne)
BINARY(Gt, gt)
BINARY(Lt, lt)
BINARY(Ge, ge)
BINARY(Le, le)

Napi::Value Maximum(Info info) { return Wrap(info.Env(), at::maximum(Unwrap(info[0]), Unwrap(info[1]))); }
Napi::Value Minimum(Info info) { return Wrap(info.Env(), at::minimum(Unwrap(info[0]), Unwrap(info[1]))); }

// sum/mean over all elements when dims is null, else over the listed dims.
Napi::Value Sum(Info info) {
  const at::Tensor& a = Unwrap(info[0]);
  return Wrap(info.Env(), info[1].IsArray() ? a.sum(Ints(info[1]), Bool(info[2])) : a.sum());
}

Napi::Value Mean(Info info) {
  const at::Tensor& a = Unwrap(info[0]);
  return Wrap(info.Env(), info[1].IsArray() ? a.mean(Ints(info[1]), Bool(info[2])) : a.mean());
}

Napi::Value MaxDim(Info info) {
  auto [values, indices] = Unwrap(info[0]).max(Int(info[1]), Bool(info[2]));
  return WrapList(info.Env(), {values, indices});
}

Napi::Value MinDim(Info info) {
  auto [values, indices] = Unwrap(info[0]).min(Int(info[1]), Bool(info[2]));
  return WrapList(info.Env(), {values, indices});
}

// where(cond, a, b, tensors): bit 0 of `tensors` says a is a tensor handle, bit 1 the same for b.
Napi::Value Where(Info info) {
  const at::Tensor& cond = Unwrap(info[0]);
  int64_t tensors = Int(info[3]);
  bool tensorA = tensors & 1, tensorB = tensors & 2;
  at::Tensor out;
  if (tensorA && tensorB)
    out = at::where(cond, Unwrap(info[1]), Unwrap(info[2]));
  else if (tensorA)
    out = at::where(cond, Unwrap(info[1]), ToScalar(info[2]));
  else if (tensorB)
    out = at::where(cond, ToScalar(info[1]), Unwrap(info[2]));
  else
    out = at::where(cond, ToScalar(info[1]), ToScalar(info[2]));
  return Wrap(info.Env(), out);
}

Napi::Value Cat(Info info) { return Wrap(info.Env(), at::cat(UnwrapList(info[0]), Int(info[1]))); }
Napi::Value Stack(Info info) { return Wrap(info.Env(), at::stack(UnwrapList(info[0]), Int(info[1]))); }

Napi::Value Qr(Info info) {
  auto [q, r] = at::linalg_qr(Unwrap(info[0]));
  return WrapList(info.Env(), {q, r});
}

}  // namespace

void RegisterOps(Napi::Env env, Napi::Object exports) {
  Export<Neg>(env, exports, "neg");
  Export<Exp>(env, exports, "exp");
  Export<Log>(env, exports, "log");
  Export<Sqrt>(env, exports, "sqrt");
  Export<Abs>(env, exports, "abs");
  Export<Tanh>(env, exports, "tanh");
  Export<Sigmoid>(env, exports, "sigmoid");
  Export<Relu>(env, exports, "relu");
  Export<Sign>(env, exports, "sign");
  Export<LeakyRelu>(env, exports, "leakyRelu");
  Export<Softmax>(env, exports, "softmax");
  Export<LogSoftmax>(env, exports, "logSoftmax");
  Export<Detach>(env, exports, "detach");
  Export<Clone>(env, exports, "clone");
  Export<Contiguous>(env, exports, "contiguous");
  Export<View>(env, exports, "view");
  Export<Reshape>(env, exports, "reshape");
  Export<Expand>(env, exports, "expand");
  Export<Permute>(env, exports, "permute");
  Export<Transpose>(env, exports, "transpose");
  Export<Flatten>(env, exports, "flatten");
  Export<Unsqueeze>(env, exports, "unsqueeze");
  Export<Squeeze>(env, exports, "squeeze");
  Export<Select>(env, exports, "select");
  Export<Slice>(env, exports, "slice");
  Export<Index>(env, exports, "index");
  Export<IndexSelect>(env, exports, "indexSelect");
  Export<Gather>(env, exports, "gather");
  Export<Scatter>(env, exports, "scatter");
  Export<ScatterScalar>(env, exports, "scatterScalar");
  Export<Matmul>(env, exports, "matmul");
  Export<Diagonal>(env, exports, "diagonal");
  Export<MaxAll>(env, exports, "maxAll");
  Export<MinAll>(env, exports, "minAll");
  Export<Argmax>(env, exports, "argmax");
  Export<Argmin>(env, exports, "argmin");
  Export<Clamp>(env, exports, "clamp");
  Export<Add>(env, exports, "add");
  Export<AddScalar>(env, exports, "addScalar");
  Export<Sub>(env, exports, "sub");
  Export<SubScalar>(env, exports, "subScalar");
  Export<Mul>(env, exports, "mul");
  Export<MulScalar>(env, exports, "mulScalar");
  Export<Div>(env, exports, "div");
  Export<DivScalar>(env, exports, "divScalar");
  Export<Pow>(env, exports, "pow");
  Export<PowScalar>(env, exports, "powScalar");
  Export<Remainder>(env, exports, "remainder");
  Export<RemainderScalar>(env, exports, "remainderScalar");
  Export<Eq>(env, exports, "eq");
  Export<EqScalar>(env, exports, "eqScalar");
  Export<Ne>(env, exports, "ne");
  Export<NeScalar>(env, exports, "neScalar");
  Export<Gt>(env, exports, "gt");
  Export<GtScalar>(env, exports, "gtScalar");
  Export<Lt>(env, exports, "lt");
  Export<LtScalar>(env, exports, "ltScalar");
  Export<Ge>(env, exports, "ge");
  Export<GeScalar>(env, exports, "geScalar");
  Export<Le>(env, exports, "le");
  Export<LeScalar>(env, exports, "leScalar");
  Export<Maximum>(env, exports, "maximum");
  Export<Minimum>(env, exports, "minimum");
  Export<Sum>(env, exports, "sum");
  Export<Mean>(env, exports, "mean");
  Export<MaxDim>(env, exports, "maxDim");
  Export<MinDim>(env, exports, "minDim");
  Export<Where>(env, exports, "where");
  Export<Cat>(env, exports, "cat");
  Export<Stack>(env, exports, "stack");
  Export<Qr>(env, exports, "qr");
}

}  // namespace stadium
