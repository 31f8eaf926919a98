// A service whose every text field a person reads carries markup, quotes and control characters:
// the HTML report's unit and browser tests render it.
import { CLEAN_LOW } from './lint-yaml.js';

export const HOSTILE_NAME = 'x<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
export function hostileYaml(): string {
  const evil = '</td></tr></table><script>window.pwned=3</script>"\'&amp;\u001b[31m\u202e';
  return CLEAN_LOW.replace('name: search', `name: ${JSON.stringify(HOSTILE_NAME)}`)
    .replace('owner: team-search', `owner: ${JSON.stringify(`team${evil}`)}`)
    .replace('target: 99.0', `target: ${JSON.stringify(`TBD${evil}`)}`)
    .replace('security:\n', `security:\n      x-note: ok\n`) +
    `  waivers:\n    - { rule: warranty-area-missing, reason: ${JSON.stringify(`because${evil}`)}, approvedBy: ${JSON.stringify(`cio${evil}`)}, expires: 2026-12-31 }\n`;
}

