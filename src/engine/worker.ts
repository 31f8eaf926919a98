// A worker thread of the pool (pool.ts): lints the batches of files it is sent, one at a time, and
// posts back plain data. The config and today's date come once, in `workerData`.
import { parentPort, workerData } from 'node:worker_threads';
import { lintFile, type FileOptions } from './process-file.js';
import { RuleCrash } from '../errors.js';
import type { BatchReply, BatchRequest } from './pool.js';

// `yaml`'s parser reads process.env.LOG_TOKENS once per token, and process.env is a slow C++
// interceptor (a third of the parse time, see bench/README.md). A worker's env is already its own
// copy, so making it a plain object changes nothing but the speed.
process.env = { ...process.env };

const options = workerData as FileOptions;

parentPort?.on('message', (request: BatchRequest) => {
  let reply: BatchReply;
  try {
    reply = { id: request.id, results: request.refs.map((ref) => lintFile(ref, options)) };
  } catch (error) {
    const cause = error instanceof RuleCrash ? error.cause : error;
    const e = cause instanceof Error ? cause : new Error(String(cause));
    reply = { id: request.id, error: { ruleId: error instanceof RuleCrash ? error.ruleId : undefined, message: e.message, stack: e.stack } };
  }
  parentPort?.postMessage(reply);
});
