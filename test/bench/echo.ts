// A bare grpc-js service that moves opaque bytes: the baseline our protocol's overhead is measured against.

import { makeGenericClientConstructor, type ServiceDefinition } from '@grpc/grpc-js';

const identity = (b: Buffer) => b;

export const ECHO_SERVICE: ServiceDefinition = {
  Unary: {
    path: '/bench.Echo/Unary',
    requestStream: false,
    responseStream: false,
    requestSerialize: identity,
    requestDeserialize: identity,
    responseSerialize: identity,
    responseDeserialize: identity,
  },
  Stream: {
    path: '/bench.Echo/Stream',
    requestStream: true,
    responseStream: true,
    requestSerialize: identity,
    requestDeserialize: identity,
    responseSerialize: identity,
    responseDeserialize: identity,
  },
};

export const EchoClient = makeGenericClientConstructor(ECHO_SERVICE, 'Echo');
