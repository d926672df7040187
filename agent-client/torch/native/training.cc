// Layers, losses and the optimiser updates. An optimiser step runs natively over all parameters in one call so a
// small network's update costs one N-API crossing, not a dozen per parameter. The update rules follow the
// formulas documented for torch.optim (single-tensor variants), so trajectories match PyTorch's.
#include "common.h"

#include <cmath>

namespace stadium {

namespace {

using Info = const Napi::CallbackInfo&;

int64_t Reduction(const Napi::Value& v) {
  std::string r = Str(v);
  if (r == "mean") return at::Reduction::Mean;
  if (r == "sum") return at::Reduction::Sum;
  if (r == "none") return at::Reduction::None;
  throw Napi::TypeError::New(v.Env(), "unknown reduction '" + r + "' (allowed: mean, sum, none)");
}

Napi::Value Linear(Info info) {
  auto bias = UnwrapOptional(info[2]);
  return Wrap(info.Env(), at::linear(Unwrap(info[0]), Unwrap(info[1]), bias ? *bias : at::Tensor()));
}

Napi::Value Conv2d(Info info) {
  auto bias = UnwrapOptional(info[2]);
  return Wrap(info.Env(), at::conv2d(Unwrap(info[0]), Unwrap(info[1]), bias ? *bias : at::Tensor(), Ints(info[3]),
                                     Ints(info[4])));
}

Napi::Value MseLoss(Info info) {
  return Wrap(info.Env(), at::mse_loss(Unwrap(info[0]), Unwrap(info[1]), Reduction(info[2])));
}

Napi::Value HuberLoss(Info info) {
  return Wrap(info.Env(), at::huber_loss(Unwrap(info[0]), Unwrap(info[1]), Reduction(info[2]), Num(info[3])));
}

Napi::Value SmoothL1Loss(Info info) {
  return Wrap(info.Env(), at::smooth_l1_loss(Unwrap(info[0]), Unwrap(info[1]), Reduction(info[2]), Num(info[3])));
}

Napi::Value CrossEntropy(Info info) {
  return Wrap(info.Env(), at::cross_entropy_loss(Unwrap(info[0]), Unwrap(info[1]), {}, Reduction(info[2]), -100,
                                                 Num(info[3])));
}

// Optimiser state lives in JS arrays parallel to the parameter list; an empty slot is created here on first use,
// the way torch.optim fills its per-parameter state lazily.
at::Tensor State(Napi::Array slots, uint32_t i, const at::Tensor& like) {
  Napi::Value v = slots.Get(i);
  if (IsHandle(v)) return Unwrap(v);
  at::Tensor fresh = at::zeros_like(like, at::MemoryFormat::Preserve);
  slots.Set(i, Wrap(slots.Env(), fresh));
  return fresh;
}

struct AdamOptions {
  double lr, beta1, beta2, eps, weightDecay;
};

// adamStep(params, expAvg[], expAvgSq[], steps[], lr, beta1, beta2, eps, weightDecay)
Napi::Value AdamStep(Info info) {
  at::NoGradGuard noGrad;
  auto params = UnwrapList(info[0]);
  auto expAvg = info[1].As<Napi::Array>(), expAvgSq = info[2].As<Napi::Array>(), steps = info[3].As<Napi::Array>();
  AdamOptions o{Num(info[4]), Num(info[5]), Num(info[6]), Num(info[7]), Num(info[8])};
  for (uint32_t i = 0; i < params.size(); i++) {
    at::Tensor& p = params[i];
    at::Tensor grad = p.grad();
    if (!grad.defined()) continue;
    double step = (steps.Get(i).IsNumber() ? Num(steps.Get(i)) : 0) + 1;
    steps.Set(i, Napi::Number::New(info.Env(), step));
    if (o.weightDecay != 0) grad = grad.add(p, o.weightDecay);
    at::Tensor m = State(expAvg, i, p), v = State(expAvgSq, i, p);
    m.mul_(o.beta1).add_(grad, 1 - o.beta1);
    v.mul_(o.beta2).addcmul_(grad, grad, 1 - o.beta2);
    double bias1 = 1 - std::pow(o.beta1, step), bias2 = 1 - std::pow(o.beta2, step);
    at::Tensor denom = (v.sqrt() / std::sqrt(bias2)).add_(o.eps);
    p.addcdiv_(m, denom, -o.lr / bias1);
  }
  return info.Env().Undefined();
}

// rmspropStep(params, squareAvg[], gradAvg[] | null, momentumBuf[] | null, lr, alpha, eps, weightDecay, momentum)
Napi::Value RmspropStep(Info info) {
  at::NoGradGuard noGrad;
  auto params = UnwrapList(info[0]);
  auto squareAvg = info[1].As<Napi::Array>();
  bool centered = info[2].IsArray(), useMomentum = info[3].IsArray();
  double lr = Num(info[4]), alpha = Num(info[5]), eps = Num(info[6]), weightDecay = Num(info[7]),
         momentum = Num(info[8]);
  for (uint32_t i = 0; i < params.size(); i++) {
    at::Tensor& p = params[i];
    at::Tensor grad = p.grad();
    if (!grad.defined()) continue;
    if (weightDecay != 0) grad = grad.add(p, weightDecay);
    at::Tensor sq = State(squareAvg, i, p);
    sq.mul_(alpha).addcmul_(grad, grad, 1 - alpha);
    at::Tensor avg;
    if (centered) {
      at::Tensor g = State(info[2].As<Napi::Array>(), i, p);
      g.mul_(alpha).add_(grad, 1 - alpha);
      avg = sq.addcmul(g, g, -1).sqrt_().add_(eps);
    } else {
      avg = sq.sqrt().add_(eps);
    }
    if (useMomentum) {
      at::Tensor buf = State(info[3].As<Napi::Array>(), i, p);
      buf.mul_(momentum).addcdiv_(grad, avg);
      p.add_(buf, -lr);
    } else {
      p.addcdiv_(grad, avg, -lr);
    }
  }
  return info.Env().Undefined();
}

// sgdStep(params, momentumBuf[] | null, lr, momentum, dampening, weightDecay, nesterov)
Napi::Value SgdStep(Info info) {
  at::NoGradGuard noGrad;
  auto params = UnwrapList(info[0]);
  bool useMomentum = info[1].IsArray();
  double lr = Num(info[2]), momentum = Num(info[3]), dampening = Num(info[4]), weightDecay = Num(info[5]);
  bool nesterov = Bool(info[6]);
  for (uint32_t i = 0; i < params.size(); i++) {
    at::Tensor& p = params[i];
    at::Tensor d = p.grad();
    if (!d.defined()) continue;
    if (weightDecay != 0) d = d.add(p, weightDecay);
    if (useMomentum) {
      auto slots = info[1].As<Napi::Array>();
      at::Tensor buf;
      if (IsHandle(slots.Get(i))) {
        buf = Unwrap(slots.Get(i));
        buf.mul_(momentum).add_(d, 1 - dampening);
      } else {
        // The first step seeds the buffer with the gradient itself, undamped (as torch.optim.SGD does).
        buf = d.clone();
        slots.Set(i, Wrap(info.Env(), buf));
      }
      d = nesterov ? d.add(buf, momentum) : buf;
    }
    p.add_(d, -lr);
  }
  return info.Env().Undefined();
}

// clipGradNorm(params, maxNorm, normType): scales all gradients together; returns the norm before clipping.
Napi::Value ClipGradNorm(Info info) {
  at::NoGradGuard noGrad;
  auto params = UnwrapList(info[0]);
  double maxNorm = Num(info[1]), normType = Num(info[2]);
  std::vector<at::Tensor> norms;
  for (auto& p : params)
    if (p.grad().defined()) norms.push_back(p.grad().norm(normType));
  if (norms.empty()) return Napi::Number::New(info.Env(), 0);
  at::Tensor total = std::isinf(normType) ? at::stack(norms).max() : at::stack(norms).norm(normType);
  at::Tensor coef = (maxNorm / (total + 1e-6)).clamp_max(1.0);
  for (auto& p : params)
    if (p.grad().defined()) p.mutable_grad().mul_(coef.to(p.grad().device()));
  return Napi::Number::New(info.Env(), total.item<double>());
}

Napi::Value ZeroGrad(Info info) {
  for (auto& p : UnwrapList(info[0])) p.mutable_grad().reset();
  return info.Env().Undefined();
}

}  // namespace

void RegisterTraining(Napi::Env env, Napi::Object exports) {
  Export<Linear>(env, exports, "linear");
  Export<Conv2d>(env, exports, "conv2d");
  Export<MseLoss>(env, exports, "mseLoss");
  Export<HuberLoss>(env, exports, "huberLoss");
  Export<SmoothL1Loss>(env, exports, "smoothL1Loss");
  Export<CrossEntropy>(env, exports, "crossEntropy");
  Export<AdamStep>(env, exports, "adamStep");
  Export<RmspropStep>(env, exports, "rmspropStep");
  Export<SgdStep>(env, exports, "sgdStep");
  Export<ClipGradNorm>(env, exports, "clipGradNorm");
  Export<ZeroGrad>(env, exports, "zeroGrad");
}

}  // namespace stadium
