import http from 'node:http';
import { close, listen } from '../../simulators/common/http';

/** A pass-through proxy that, once armed, holds every API request until released: a run paused mid-way, on cue. */
export interface GateProxy {
  url: string;
  /** From now on, hold every request except sign-ins. */
  arm(): void;
  /** Resolves when the first request is held after `arm`. */
  held(): Promise<void>;
  /** Lets every held request through and stops holding. */
  release(): void;
  stop(): Promise<void>;
}

/** Starts a gate in front of `target` (e.g. the ServiceTitan simulator's base URL). */
export async function startGateProxy(target: string): Promise<GateProxy> {
  let armed = false;
  let opened: Promise<void> = Promise.resolve();
  let open = () => undefined as void;
  let firstHeld = () => undefined as void;
  let heldOnce: Promise<void> = Promise.resolve();
  const forward = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const upstream = http.request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };
  const server = http.createServer((req, res) => {
    const signIn = (req.url ?? '').startsWith('/connect/token');
    if (!armed || signIn) return forward(req, res);
    req.pause();
    firstHeld();
    void opened.then(() => {
      req.resume();
      forward(req, res);
    });
  });
  const url = (await listen(server)).replace(/\/$/, '');
  return {
    url,
    arm() {
      armed = true;
      opened = new Promise((resolve) => (open = resolve));
      heldOnce = new Promise((resolve) => (firstHeld = resolve));
    },
    held: () => heldOnce,
    release() {
      armed = false;
      open();
    },
    stop: () => close(server),
  };
}
