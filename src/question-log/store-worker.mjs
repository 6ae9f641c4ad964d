// The entry of the question log's worker thread (worker-store.ts). The bot runs TypeScript through tsx,
// whose loader does not reach worker threads on Node 20 (nor does a test runner's), so the worker
// registers it, then runs the store itself: store-worker-main.ts.
import { register } from 'tsx/esm/api';

register();
await import('./store-worker-main.ts');
