import { useState } from 'react';

/**
 * The value a control shows: the user's choice from the moment it is made, the state's value otherwise. A switch
 * tells the panel of the new state only after the map's frame (ViewRefresh.switchTo); without this, React would
 * set a controlled input back to the state's old value for that frame. Once the state moves on (to the choice or
 * elsewhere), the choice is forgotten.
 */
export function useChoice<T>(value: T): [shown: T, choose: (choice: T) => void] {
  const [choice, setChoice] = useState<{ made: T; over: T } | null>(null);
  if (choice !== null && !Object.is(choice.over, value)) {
    setChoice(null); // a render-time update of this component's own state: React renders it again at once
    return [value, (made) => setChoice({ made, over: value })];
  }
  return [choice ? choice.made : value, (made) => setChoice({ made, over: value })];
}
