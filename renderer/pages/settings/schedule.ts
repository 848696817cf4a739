/** The schedules offered by name; anything else is a custom cron expression. */
export const schedulePresets = {
  every15: '*/15 * * * *',
  hourly: '0 * * * *',
  weekdays6: '0 6 * * 1-5',
} as const;

/** How the schedule is chosen on the form: manual syncs only, a named preset, or custom cron text. */
export type ScheduleChoice = 'manual' | keyof typeof schedulePresets | 'custom';

/** Every choice, in the order the form lists them. */
export const scheduleChoices: readonly ScheduleChoice[] = [
  'manual',
  'every15',
  'hourly',
  'weekdays6',
  'custom',
];

/** The choice that shows a stored schedule: its preset when it is one, otherwise custom. */
export function choiceOf(schedule: string | null): ScheduleChoice {
  if (schedule === null) return 'manual';
  const normal = normalize(schedule);
  const preset = (Object.keys(schedulePresets) as (keyof typeof schedulePresets)[]).find(
    (key) => schedulePresets[key] === normal,
  );
  return preset ?? 'custom';
}

/** The cron expression a choice stands for (`null` = manual only); custom uses the text typed. */
export function scheduleOf(choice: ScheduleChoice, custom: string): string | null {
  if (choice === 'manual') return null;
  if (choice === 'custom') return normalize(custom);
  return schedulePresets[choice];
}

/** One space between fields, none around them. */
export function normalize(expression: string): string {
  return expression.trim().split(/\s+/).join(' ');
}

const FIELD = /^[\d*/,\-A-Za-z?LW#]+$/;

/**
 * Whether a custom expression has the shape of a cron schedule: exactly five fields of cron characters. Main checks
 * the values themselves (e.g. that minutes are 0–59) and answers in words when they are wrong.
 */
export function cronShape(expression: string): 'empty' | 'fields' | 'ok' {
  const fields = normalize(expression).split(' ').filter(Boolean);
  if (fields.length === 0) return 'empty';
  return fields.length === 5 && fields.every((f) => FIELD.test(f)) ? 'ok' : 'fields';
}
