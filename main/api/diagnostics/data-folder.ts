import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One file of the data folder: where it is (relative) and how big. */
export interface FileEntry {
  path: string;
  sizeBytes: number;
}

/** Every file under `dir` with its size, skipping the folders named in `skip` (at the top level). */
export function listFiles(dir: string, skip: readonly string[] = []): FileEntry[] {
  const found: FileEntry[] = [];
  const walk = (folder: string) => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const full = join(folder, name);
      if (folder === dir && skip.includes(name)) continue;
      try {
        const stat = statSync(full);
        if (stat.isDirectory()) walk(full);
        else found.push({ path: relative(dir, full), sizeBytes: stat.size });
      } catch {
        // removed meanwhile
      }
    }
  };
  walk(dir);
  return found;
}
