/**
 * One lesson of a module in the course editor: a text lesson as structured blocks (heading,
 * paragraph, list, tip; never HTML), or a video lesson whose file is checked against the asset
 * allow-list and size limit, then uploaded to the assets bucket with a progress bar.
 */
import { useState } from 'react';
import { ASSET_MAX_BYTES, assetStoragePath, formatFileSize } from '../../../../sync/domain/admin/asset-files';
import { sha256Hex } from '../../../platform/sha256';
import { FormField } from '../../../ui/FormField';
import { ProgressBar } from '../../../ui/ProgressBar';
import { errorMessage } from '../../../ui/error-message';
import { inspectAssetFile, uploadAssetFile, type UploadProgress } from '../shared/asset-upload';
import { newBlock, type BlockDraft, type BlockType, type DraftErrors, type LessonDraft } from './training-authoring';
import type { AdminAccess } from '../shared/use-admin-access';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

const BLOCK_LABELS: Record<BlockType, string> = { heading: 'Heading', paragraph: 'Paragraph', list: 'List', tip: 'Tip' };
const BLOCK_TYPES = Object.keys(BLOCK_LABELS) as BlockType[];
const VIDEO_ACCEPT = '.mp4,.m4v,.mov,.webm';

export interface ModuleLessonEditorProps {
  access: Admin;
  moduleId: string;
  lesson: LessonDraft;
  /** "Lesson 2 of Module 1", for the group name and hidden parts of button names. */
  name: string;
  errors: DraftErrors;
  onChange(lesson: LessonDraft): void;
  onRemove(): void;
}

export function ModuleLessonEditor({ access, moduleId, lesson, name, errors, onChange, onRemove }: ModuleLessonEditorProps) {
  return (
    <fieldset className="admin-fieldset course-lesson">
      <legend>
        {name}: {lesson.kind === 'text' ? 'text' : 'video'}
      </legend>
      {lesson.kind === 'text' ? (
        <TextLessonEditor lesson={lesson} name={name} errors={errors} onChange={onChange} />
      ) : (
        <VideoLessonEditor access={access} moduleId={moduleId} lesson={lesson} errors={errors} onChange={onChange} />
      )}
      <button type="button" className="button button--small" onClick={onRemove}>
        Remove lesson<span className="visually-hidden"> {name}</span>
      </button>
    </fieldset>
  );
}

function TextLessonEditor({ lesson, name, errors, onChange }: { lesson: Extract<LessonDraft, { kind: 'text' }>; name: string; errors: DraftErrors; onChange(lesson: LessonDraft): void }) {
  const setBlocks = (blocks: BlockDraft[]) => onChange({ ...lesson, blocks });
  const setBlock = (index: number, patch: Partial<BlockDraft>) => setBlocks(lesson.blocks.map((block, at) => (at === index ? { ...block, ...patch } : block)));
  return (
    <>
      {errors[`lesson.${lesson.key}`] ? <p className="form-field__error">{errors[`lesson.${lesson.key}`]}</p> : null}
      <ol className="course-blocks">
        {lesson.blocks.map((block, index) => (
          <li key={block.key} className="course-block">
            <FormField label={`Block ${index + 1} type`}>
              <select value={block.type} onChange={(event) => setBlock(index, { type: event.target.value as BlockType })}>
                {BLOCK_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {BLOCK_LABELS[type]}
                  </option>
                ))}
              </select>
            </FormField>
            <FormField
              label={block.type === 'list' ? `Block ${index + 1} items` : `Block ${index + 1} text`}
              hint={block.type === 'list' ? 'One item per line.' : undefined}
              error={errors[`block.${block.key}`]}
            >
              {block.type === 'heading' ? (
                <input type="text" value={block.text} onChange={(event) => setBlock(index, { text: event.target.value })} maxLength={200} />
              ) : (
                <textarea rows={block.type === 'list' ? 4 : 3} value={block.text} onChange={(event) => setBlock(index, { text: event.target.value })} />
              )}
            </FormField>
            <button type="button" className="button button--small" onClick={() => setBlocks(lesson.blocks.filter((_, at) => at !== index))}>
              Remove block {index + 1}<span className="visually-hidden"> of {name}</span>
            </button>
          </li>
        ))}
      </ol>
      <div className="button-row">
        {BLOCK_TYPES.map((type) => (
          <button key={type} type="button" className="button button--small" onClick={() => setBlocks([...lesson.blocks, newBlock(type)])}>
            Add {BLOCK_LABELS[type].toLowerCase()}
            <span className="visually-hidden"> to {name}</span>
          </button>
        ))}
      </div>
    </>
  );
}

/** The video's length in whole seconds, read from the file in this window; null when it cannot be read. */
function readVideoSeconds(file: File): Promise<number | null> {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const video = document.createElement('video');
    // Some files never fire either event; the admin can type the length instead.
    const giveUp = window.setTimeout(() => finish(null), 5_000);
    function finish(seconds: number | null) {
      window.clearTimeout(giveUp);
      URL.revokeObjectURL(url);
      resolve(seconds);
    }
    video.preload = 'metadata';
    video.onloadedmetadata = () => finish(Number.isFinite(video.duration) && video.duration > 0 ? Math.max(1, Math.round(video.duration)) : null);
    video.onerror = () => finish(null);
    video.src = url;
  });
}

function VideoLessonEditor({
  access,
  moduleId,
  lesson,
  errors,
  onChange,
}: {
  access: Admin;
  moduleId: string;
  lesson: Extract<LessonDraft, { kind: 'video' }>;
  errors: DraftErrors;
  onChange(lesson: LessonDraft): void;
}) {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function choose(file: File | undefined) {
    setRefusal(null);
    if (!file || busy) return;
    if (access.blocked) {
      setRefusal(access.blocked);
      return;
    }
    setBusy(true);
    try {
      const check = await inspectAssetFile(file);
      if (!check.ok) {
        setRefusal(check.message);
        return;
      }
      if (check.preview !== 'video') {
        setRefusal(`“${file.name}” is a ${check.label} file; a video lesson needs an MP4, MOV or WebM video. Choose a video file.`);
        return;
      }
      const [sha256, seconds] = await Promise.all([sha256Hex(file), readVideoSeconds(file)]);
      const path = assetStoragePath({ category: 'training', assetId: moduleId, sha256, fileName: file.name });
      setProgress({ loaded: 0, total: file.size });
      await uploadAssetFile({
        client: access.client, serverUrl: access.serverUrl, anonKey: access.anonKey, path, file, contentType: check.mimeType, onProgress: setProgress,
      });
      onChange({
        ...lesson, assetPath: path, fileName: file.name, sha256, sizeBytes: file.size, mimeType: check.mimeType,
        durationSeconds: seconds === null ? lesson.durationSeconds : String(seconds),
      });
    } catch (error) {
      setRefusal(errorMessage(error));
      setProgress(null);
    } finally {
      setBusy(false);
    }
  }

  const fraction = progress && progress.total > 0 ? progress.loaded / progress.total : 0;
  const current = lesson.fileName ? ` Current: ${lesson.fileName}${lesson.sizeBytes === null ? '' : `, ${formatFileSize(lesson.sizeBytes)}`}.` : '';
  return (
    <>
      <FormField
        label="Video file"
        hint={`MP4, MOV or WebM; at most ${formatFileSize(ASSET_MAX_BYTES)}. It uploads as soon as it is chosen.${current}`}
        error={refusal ?? errors[`lesson.${lesson.key}.file`]}
      >
        <input type="file" accept={VIDEO_ACCEPT} onChange={(event) => void choose(event.target.files?.[0])} disabled={busy} />
      </FormField>
      {progress ? (
        <div className="admin-progress">
          <ProgressBar fraction={fraction} label="Uploading the lesson video" valueText={`${formatFileSize(progress.loaded)} of ${formatFileSize(progress.total)}`} />
          <p className="form-field__hint" aria-live="polite">
            {fraction >= 1 && !busy ? 'Uploaded.' : `Uploading: ${Math.round(fraction * 100)}% (${formatFileSize(progress.loaded)} of ${formatFileSize(progress.total)})`}
          </p>
        </div>
      ) : null}
      <div className="form-grid">
        <FormField label="Length (seconds)" hint="Read from the file when it can be." error={errors[`lesson.${lesson.key}.duration`]}>
          <input type="number" min={1} step={1} value={lesson.durationSeconds} onChange={(event) => onChange({ ...lesson, durationSeconds: event.target.value })} />
        </FormField>
        <FormField label="Caption" hint="Shown under the video.">
          <input type="text" value={lesson.caption} onChange={(event) => onChange({ ...lesson, caption: event.target.value })} maxLength={300} />
        </FormField>
      </div>
    </>
  );
}
