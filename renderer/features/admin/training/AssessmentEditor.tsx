/**
 * A course's assessment in the course editor: pass mark, cool-down after a fail, and questions
 * (single or multiple choice) with their options and which are correct. The correct marks become
 * the answer key sent to admin_set_assessment_keys; the server never sends a stored key back, so
 * editing a stored assessment means marking its correct options again.
 */
import { useId } from 'react';
import { FormField } from '../../../ui/FormField';
import { newAssessment, newOption, newQuestion, type AssessmentDraft, type DraftErrors, type OptionDraft, type QuestionDraft } from './training-authoring';

export interface AssessmentEditorProps {
  assessment: AssessmentDraft | null;
  errors: DraftErrors;
  onChange(assessment: AssessmentDraft | null): void;
}

export function AssessmentEditor({ assessment, errors, onChange }: AssessmentEditorProps) {
  const headingId = useId();
  if (!assessment) {
    return (
      <div className="course-assessment">
        <h3 id={headingId}>Assessment</h3>
        <p className="card__text">No assessment: partners finish the course by completing its modules. Add one to grade them and issue a certificate on a pass.</p>
        <button type="button" className="button" onClick={() => onChange(newAssessment())}>
          Add assessment
        </button>
      </div>
    );
  }

  // Any edit to the questions means the key must be given again in full.
  const change = (patch: Partial<AssessmentDraft>) => onChange({ ...assessment, ...patch, changed: true });
  const setQuestion = (index: number, patch: Partial<QuestionDraft>) =>
    change({ questions: assessment.questions.map((question, at) => (at === index ? { ...question, ...patch } : question)) });
  const setOption = (questionIndex: number, optionIndex: number, patch: Partial<OptionDraft>) => {
    const question = assessment.questions[questionIndex];
    if (!question) return;
    const single = question.kind === 'single' && patch.correct === true;
    setQuestion(questionIndex, {
      options: question.options.map((option, at) => (at === optionIndex ? { ...option, ...patch } : single ? { ...option, correct: false } : option)),
    });
  };

  return (
    <section className="course-assessment" aria-labelledby={headingId}>
      <h3 id={headingId}>Assessment</h3>
      {assessment.stored && !assessment.changed ? (
        <p className="card__text">
          Its answer key is kept on the server and is not shown here. It stays as it is unless you edit a question; then mark the correct option of every question again.
        </p>
      ) : null}
      <div className="form-grid">
        <FormField label="Pass mark (%)" hint="The share of questions a partner must get right." error={errors['assessment.passMark']}>
          <input type="number" min={0} max={100} step={1} value={assessment.passMarkPercent} onChange={(event) => change({ passMarkPercent: event.target.value })} />
        </FormField>
        <FormField label="Cool-down after a fail (hours)" hint="How long a partner waits before retaking." error={errors['assessment.cooldown']}>
          <input type="number" min={0} step={1} value={assessment.cooldownHours} onChange={(event) => change({ cooldownHours: event.target.value })} />
        </FormField>
      </div>
      {errors['assessment.questions'] ? <p className="form-field__error">{errors['assessment.questions']}</p> : null}
      <ol className="course-questions">
        {assessment.questions.map((question, index) => {
          const name = `Question ${index + 1}`;
          const correctError = errors[`question.${question.key}.correct`] ?? errors[`question.${question.key}.options`];
          return (
            <li key={question.key}>
              <fieldset className="admin-fieldset">
                <legend>{name}</legend>
                <div className="form-grid">
                  <FormField label={`${name} prompt`} error={errors[`question.${question.key}.prompt`]} className="form-field--notes">
                    <textarea rows={2} value={question.prompt} onChange={(event) => setQuestion(index, { prompt: event.target.value })} />
                  </FormField>
                  <FormField label={`${name} type`}>
                    <select
                      value={question.kind}
                      onChange={(event) => setQuestion(index, { kind: event.target.value === 'multiple' ? 'multiple' : 'single' })}
                    >
                      <option value="single">Single choice (one correct option)</option>
                      <option value="multiple">Multiple choice (one or more correct)</option>
                    </select>
                  </FormField>
                </div>
                <fieldset className="course-options" aria-describedby={correctError ? `${headingId}-${question.key}-error` : undefined}>
                  <legend>Options of {name.toLowerCase()} (mark the correct {question.kind === 'single' ? 'one' : 'ones'})</legend>
                  {question.options.map((option, optionIndex) => {
                    const optionName = `${name} option ${optionIndex + 1}`;
                    return (
                      <div key={option.key} className="course-option">
                        <FormField label={`Option ${optionIndex + 1}`} error={errors[`option.${option.key}`]}>
                          <input type="text" value={option.text} onChange={(event) => setOption(index, optionIndex, { text: event.target.value })} maxLength={300} />
                        </FormField>
                        <label className="admin-checkbox admin-checkbox--plain">
                          <input
                            type={question.kind === 'single' ? 'radio' : 'checkbox'}
                            name={`correct-${question.key}`}
                            checked={option.correct}
                            aria-label={`Correct: ${optionName}`}
                            onChange={(event) => setOption(index, optionIndex, { correct: event.target.checked })}
                          />{' '}
                          Correct
                        </label>
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => setQuestion(index, { options: question.options.filter((_, at) => at !== optionIndex) })}
                        >
                          Remove<span className="visually-hidden"> {optionName}</span>
                        </button>
                      </div>
                    );
                  })}
                  {correctError ? (
                    <p id={`${headingId}-${question.key}-error`} className="form-field__error">
                      {correctError}
                    </p>
                  ) : null}
                </fieldset>
                <div className="button-row">
                  <button type="button" className="button button--small" onClick={() => setQuestion(index, { options: [...question.options, newOption()] })}>
                    Add option<span className="visually-hidden"> to {name.toLowerCase()}</span>
                  </button>
                  <button type="button" className="button button--small" onClick={() => change({ questions: assessment.questions.filter((_, at) => at !== index) })}>
                    Remove {name.toLowerCase()}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="button-row">
        <button type="button" className="button" onClick={() => change({ questions: [...assessment.questions, newQuestion()] })}>
          Add question
        </button>
        <button type="button" className="button" onClick={() => onChange(null)}>
          Remove assessment
        </button>
      </div>
    </section>
  );
}
