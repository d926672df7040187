{
  "targets": [
    {
      "target_name": "stadium_torch",
      "sources": ["native/tensors.cc", "native/ops.cc", "native/training.cc"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NAPI_CPP_EXCEPTIONS"],
      "cflags!": ["-O3"],
      "cflags_cc!": ["-fno-rtti", "-fno-exceptions", "-std=gnu++17"],
      "cflags_cc": ["-std=c++17", "-O2", "-frtti", "-fexceptions", "-Wno-unused-parameter",
                    "<!@(node libtorch.cjs cflags)"],
      "ldflags": ["<!@(node libtorch.cjs ldflags)"],
      "libraries": ["<!@(node libtorch.cjs libs)"]
    }
  ]
}
