import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { logger } from '../log/logger';
import { writeFileAtomic } from '../storage/atomic-write';

/** A rectangle on the desktop, in Electron's device-independent pixels. */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

/** The main window's size and place as last left, kept in `window-state.json` beside the settings. */
export const windowStateSchema = boundsSchema.extend({ maximized: z.boolean() });
/** See `windowStateSchema`. */
export type WindowState = z.infer<typeof windowStateSchema>;

/** How much of a saved window must lie on a screen for it to open there: enough of the title bar to grab. */
const MIN_VISIBLE = { width: 160, height: 40 };

function overlap(a: Bounds, b: Bounds): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Where the window opens: where it was left, shrunk to fit the screen it is on, when enough of it is still on a
 * screen (a monitor that was unplugged, or a resolution that changed, must not leave it off-screen); otherwise
 * nothing, and the OS centres a window of the default size.
 */
export function placeWindow(
  saved: WindowState | undefined,
  workAreas: readonly Bounds[],
): Bounds | undefined {
  if (!saved) return undefined;
  const screen = workAreas.find((area) => {
    const shared = overlap(saved, area);
    return shared.width >= MIN_VISIBLE.width && shared.height >= MIN_VISIBLE.height;
  });
  if (!screen) return undefined;
  const width = Math.min(saved.width, screen.width);
  const height = Math.min(saved.height, screen.height);
  const x = Math.min(Math.max(saved.x, screen.x), screen.x + screen.width - width);
  const y = Math.min(Math.max(saved.y, screen.y), screen.y + screen.height - height);
  return { x, y, width, height };
}

/** The saved window state, or nothing when there is none or the file is damaged (then the default place is used). */
export function readWindowState(file: string): WindowState | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return windowStateSchema.parse(JSON.parse(text));
  } catch {
    logger.warn(`The saved window size and position in ${file} could not be read; the default is used.`);
    return undefined;
  }
}

/** Saves the window state; a failure to write only costs the remembered place, so it is logged, not raised. */
export function writeWindowState(file: string, state: WindowState): void {
  try {
    writeFileAtomic(file, JSON.stringify(windowStateSchema.parse(state)));
  } catch (err) {
    logger.warn(`The window size and position could not be saved: ${String(err)}`);
  }
}
