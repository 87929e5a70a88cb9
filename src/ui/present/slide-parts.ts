// The scorecard slide shows the scorecard component where the app has one (src/ui/**/Scorecard.tsx, exporting
// `Scorecard`): found at build time, so the slides do not depend on it being there.
import type { ComponentType } from 'react';

const modules = import.meta.glob<{ Scorecard?: ComponentType }>(['../**/Scorecard.tsx'], { eager: true });

/** The scorecard component, if the app has one. */
export function scorecardComponent(): ComponentType | null {
  for (const m of Object.values(modules)) if (m.Scorecard) return m.Scorecard;
  return null;
}

export const scorecardAvailable = () => scorecardComponent() !== null;
