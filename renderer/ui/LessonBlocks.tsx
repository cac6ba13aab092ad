/** Structured lesson and article blocks as React elements: authored content never reaches the page as HTML. */
import type { LessonBlock } from '../../sync/schema/catalog-bodies';
import './lesson-blocks.css';

export interface LessonBlocksProps {
  blocks: readonly LessonBlock[];
  /** The level of the blocks' headings: one below the heading the blocks sit under. */
  headingLevel?: 2 | 3;
}

export function LessonBlocks({ blocks, headingLevel = 3 }: LessonBlocksProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="lesson">
      {blocks.map((block, index) => {
        const key = `${block.type}-${index}`;
        switch (block.type) {
          case 'heading':
            return <Heading key={key}>{block.text}</Heading>;
          case 'paragraph':
            return <p key={key}>{block.text}</p>;
          case 'list':
            return (
              <ul key={key}>
                {(block.items ?? []).map((item, itemIndex) => (
                  <li key={itemIndex}>{item}</li>
                ))}
              </ul>
            );
          case 'tip':
            return (
              <aside key={key} className="lesson__tip" aria-label="Tip">
                <strong>Tip: </strong>
                {block.text}
              </aside>
            );
        }
      })}
    </div>
  );
}
