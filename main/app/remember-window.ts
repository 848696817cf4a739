import type { BrowserWindow } from 'electron';
import { writeWindowState, type WindowState } from './window-state';

/** How long the window must rest after a move or resize before its place is written. */
const SAVE_DELAY_MS = 1000;

function stateOf(window: BrowserWindow): WindowState {
  // The normal bounds are the ones to restore into, also while maximised or minimised.
  const { x, y, width, height } = window.getNormalBounds();
  return {
    x: Math.round(x),
    y: Math.round(y),
    width: Math.round(width),
    height: Math.round(height),
    maximized: window.isMaximized(),
  };
}

/** Keeps `file` up to date with the window's size, place and maximised state: after it rests, and when it closes. */
export function rememberWindowState(window: BrowserWindow, file: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!window.isDestroyed()) writeWindowState(file, stateOf(window));
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', save);
}
