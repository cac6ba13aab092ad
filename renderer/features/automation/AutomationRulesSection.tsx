/**
 * Settings → Automation rules (Performer tier and up): "Remind me when a lead sits in <stage> for
 * more than <N> days". Rules are kept on this device per partner; the app-wide reminder scheduler
 * evaluates them. Below the unlocking tier the section says which tier unlocks it.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useOpenWorkspace } from '../../session';
import { useEntitlement } from '../../session/use-entitlement';
import { FormField } from '../../ui/FormField';
import { useReminderStore } from '../reminders';
import { LockedFeature } from '../../ui/LockedFeature';
import {
  AUTOMATION_STAGES,
  RULE_DAYS_MAX,
  RULE_DAYS_MIN,
  validateAutomationRule,
  type AutomationRule,
  type AutomationRuleErrors,
  type AutomationRuleInput,
} from '../../../sync/domain/automation-rules';
import { leadFeature, LEAD_FEATURES } from '../../../sync/domain/entitlements';
import { stageLabel } from '../../../sync/domain/leads';

const TITLE = 'Automation rules';
const DESCRIPTION = 'Get a reminder when a lead sits in a stage for longer than you choose, so no lead goes quiet.';

export function describeRule(rule: Pick<AutomationRule, 'stage' | 'days'>): string {
  return `Remind me when a lead sits in ${stageLabel(rule.stage)} for more than ${rule.days === 1 ? '1 day' : `${rule.days} days`}.`;
}

export function AutomationRulesSection() {
  const workspace = useOpenWorkspace();
  const access = useEntitlement(leadFeature(LEAD_FEATURES.automation));
  if (!workspace) return null;
  if (!access) {
    return (
      <section className="card settings-section" aria-labelledby="settings-automation">
        <h2 id="settings-automation">{TITLE}</h2>
        <p role="status" className="card__text">
          Checking your tier…
        </p>
      </section>
    );
  }
  if (!access.allowed) return <LockedFeature title={TITLE} description={DESCRIPTION} message={access.message} />;
  return <AutomationRulesEditor partnerId={workspace.partnerId} />;
}

function AutomationRulesEditor({ partnerId }: { partnerId: string }) {
  const rules = useReminderStore((state) => state.rules);
  const loaded = useReminderStore((state) => state.rulesPartnerId === partnerId);
  const loadRules = useReminderStore((state) => state.loadRules);
  const setRules = useReminderStore((state) => state.setRules);
  const [input, setInput] = useState<AutomationRuleInput>({ stage: 'contacted', days: '7' });
  const [errors, setErrors] = useState<AutomationRuleErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const baseId = useId();

  useEffect(() => loadRules(partnerId), [loadRules, partnerId]);
  const current = loaded ? rules : [];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateAutomationRule(input, current);
    if (!result.ok) {
      setErrors(result.errors);
      setMessage(null);
      document.getElementById(`${baseId}-${result.errors.stage ? 'stage' : 'days'}`)?.focus();
      return;
    }
    setErrors({});
    const rule: AutomationRule = { id: crypto.randomUUID(), ...result.values };
    setRules(partnerId, [...current, rule]);
    setMessage(`Rule added: ${describeRule(rule)}`);
  }

  function remove(rule: AutomationRule) {
    setRules(
      partnerId,
      current.filter((item) => item.id !== rule.id),
    );
    setMessage(`Rule removed: ${describeRule(rule)}`);
  }

  return (
    <section className="card settings-section" aria-labelledby="settings-automation">
      <h2 id="settings-automation">{TITLE}</h2>
      <p className="card__text">{DESCRIPTION} Rules are kept on this device. Won and lost leads are never reminded of.</p>
      {current.length === 0 ? (
        <p className="card__text">No rules yet.</p>
      ) : (
        <ul className="automation-rules" aria-label="Your automation rules">
          {current.map((rule) => (
            <li key={rule.id} className="button-row">
              <span>{describeRule(rule)}</span>
              <button type="button" className="button button--small" onClick={() => remove(rule)}>
                Remove<span className="visually-hidden"> rule: {describeRule(rule)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="form" noValidate onSubmit={submit} aria-label="Add an automation rule">
        <FormField id={`${baseId}-stage`} label="Stage" error={errors.stage}>
          <select value={input.stage} onChange={(event) => setInput((previous) => ({ ...previous, stage: event.target.value }))}>
            {AUTOMATION_STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {stageLabel(stage)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={`${baseId}-days`} label="More than this many days" hint={`A whole number from ${RULE_DAYS_MIN} to ${RULE_DAYS_MAX}.`} error={errors.days}>
          <input type="text" inputMode="numeric" value={input.days} onChange={(event) => setInput((previous) => ({ ...previous, days: event.target.value }))} />
        </FormField>
        <p role="status" className="form-field__hint">
          {message}
        </p>
        <div className="button-row">
          <button type="submit" className="button button--primary">
            Add rule
          </button>
        </div>
      </form>
    </section>
  );
}
