import type { EventName, EventPayload } from '../../shared/contract';

/** A listener for every event main pushes to the UI. */
export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Fan-out of main → renderer events; each transport subscribes once and forwards to its windows/sockets. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  /** Sends an event to every subscriber; a failing subscriber does not stop the others. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // A closed socket or destroyed window must not break the sender.
      }
    }
  }

  /** Adds a subscriber; returns the function that removes it. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
