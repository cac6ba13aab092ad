/**
 * Settings → Automation rules (Performer tier and up): "Remind me when a lead sits in <stage> for
 * more than <N> days". Rules are kept on this device per partner; the app-wide reminder scheduler
 * evaluates them. Below the unlocking tier the section says which tier unlocks it.
 */
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useCatalog, usePartnerStatus } from '../../data/workstation-hooks';
import { useOpenWorkspace } from '../../session';
import { useReminderStore } from '../reminders/reminder-store';
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
import { entitlement, leadFeature, LEAD_FEATURES, type Entitlement } from '../../../sync/domain/entitlements';
import { parseTierRules } from '../../../sync/domain/tiers';
import type { LeadStage } from '../../../sync/schema/leads.schema';

const TITLE = 'Automation rules';
const DESCRIPTION = 'Get a reminder when a lead sits in a stage for longer than you choose, so no lead goes quiet.';
const STAGE_NAMES: Record<LeadStage, string> = {
  new: 'New',
  contacted: 'Contacted',
  qualified: 'Qualified',
  proposal: 'Proposal',
  won: 'Won',
  lost: 'Lost',
};

function useAutomationEntitlement(): Entitlement | null {
  const status = usePartnerStatus();
  const ruleRows = useCatalog('tier_rule');
  const loading = status.loading || ruleRows.loading;
  return useMemo(
    () =>
      loading
        ? null
        : entitlement(parseTierRules(ruleRows.data).rules, status.data?.tier ?? null, leadFeature(LEAD_FEATURES.automation)),
    [loading, ruleRows.data, status.data],
  );
}

export function describeRule(rule: Pick<AutomationRule, 'stage' | 'days'>): string {
  return `Remind me when a lead sits in ${STAGE_NAMES[rule.stage]} for more than ${rule.days === 1 ? '1 day' : `${rule.days} days`}.`;
}

export function AutomationRulesSection() {
  const workspace = useOpenWorkspace();
  const access = useAutomationEntitlement();
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
        <div className="form-field">
          <label htmlFor={`${baseId}-stage`}>Stage</label>
          <select
            id={`${baseId}-stage`}
            value={input.stage}
            onChange={(event) => setInput((previous) => ({ ...previous, stage: event.target.value }))}
            aria-invalid={errors.stage ? true : undefined}
            aria-describedby={errors.stage ? `${baseId}-stage-error` : undefined}
          >
            {AUTOMATION_STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {STAGE_NAMES[stage]}
              </option>
            ))}
          </select>
          {errors.stage ? (
            <p id={`${baseId}-stage-error`} className="form-field__error">
              {errors.stage}
            </p>
          ) : null}
        </div>
        <div className="form-field">
          <label htmlFor={`${baseId}-days`}>More than this many days</label>
          <input
            id={`${baseId}-days`}
            type="text"
            inputMode="numeric"
            value={input.days}
            onChange={(event) => setInput((previous) => ({ ...previous, days: event.target.value }))}
            aria-invalid={errors.days ? true : undefined}
            aria-describedby={[errors.days ? `${baseId}-days-error` : null, `${baseId}-days-hint`].filter(Boolean).join(' ')}
          />
          <p id={`${baseId}-days-hint`} className="form-field__hint">
            A whole number from {RULE_DAYS_MIN} to {RULE_DAYS_MAX}.
          </p>
          {errors.days ? (
            <p id={`${baseId}-days-error`} className="form-field__error">
              {errors.days}
            </p>
          ) : null}
        </div>
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
