// The benchmark's server process: a Stadium server and a bare grpc-js echo server (identity serialisers, fixed
// reply size) side by side, so the benchmark can show our overhead as a ratio against raw grpc-js. Prints the two
// ports as one JSON line and serves until killed.

import { Server, ServerCredentials, type ServerDuplexStream, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { StadiumServer } from '../../env-server/server.js';
import { defaultRegistry } from '../../env-server/envs/index.js';
import { Logger } from '../../env-server/log.js';
import { ECHO_SERVICE } from './echo.js';

const replyBytes = Number(process.argv[2] ?? 64);
const reply = Buffer.alloc(replyBytes, 7);

const stadium = new StadiumServer(defaultRegistry(), { port: 0, logger: new Logger('warn'), limits: { maxNumEnvs: 4096 } });
const stadiumPort = await stadium.start();

const echo = new Server();
echo.addService(ECHO_SERVICE, {
  Unary: (_call: ServerUnaryCall<Buffer, Buffer>, cb: sendUnaryData<Buffer>) => cb(null, reply),
  Stream: (call: ServerDuplexStream<Buffer, Buffer>) => {
    call.on('data', () => call.write(reply));
    call.on('end', () => call.end());
  },
});
const echoPort = await new Promise<number>((resolve, reject) =>
  echo.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, port) => (err ? reject(err) : resolve(port))),
);
process.stdout.write(JSON.stringify({ stadiumPort, echoPort }) + '\n');
// Exit cleanly so profilers (--cpu-prof) can write their output.
process.on('SIGINT', () => process.exit(0));
