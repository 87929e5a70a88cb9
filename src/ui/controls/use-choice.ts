import { useState } from 'react';

/**
 * The value a control shows and how it is chosen: the user's choice from the moment it is made (then `onChoose`),
 * the state's value otherwise. A switch tells the panel of the new state only after the map's frame
 * (ViewRefresh.switchTo); without this, React would set a controlled input back to the state's old value for that
 * frame. Once the state moves on (to the choice or elsewhere), the choice is forgotten.
 */
export function useChoice<T>(value: T, onChoose: (choice: T) => void): [shown: T, choose: (choice: T) => void] {
  const [choice, setChoice] = useState<{ made: T; over: T } | null>(null);
  const pending = choice !== null && Object.is(choice.over, value) ? choice : null;
  // an update of this component's own state while it renders: React renders it again at once
  if (choice !== null && pending === null) setChoice(null);
  const choose = (made: T) => {
    setChoice({ made, over: value });
    onChoose(made);
  };
  return [pending ? pending.made : value, choose];
}
