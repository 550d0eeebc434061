import type { PractitionerView } from '@visite/contracts';

/** A labelled select of the practice's doctors, with an "any doctor" first option (value ''). */
export function DoctorSelect(props: { label: string; anyLabel: string; testId: string; value: string; practitioners: PractitionerView[]; onChange(value: string): void }) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <select data-testid={props.testId} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.anyLabel}</option>
        {props.practitioners.map((p) => (
          <option key={p.userId} value={p.userId}>
            {p.displayName}
          </option>
        ))}
      </select>
    </label>
  );
}
