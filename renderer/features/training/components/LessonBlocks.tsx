/** A text lesson's structured blocks as React elements: authored content never reaches the page as HTML. */
import type { LessonBlock } from '../../../../sync/schema/catalog-bodies';

export function LessonBlocks({ blocks }: { blocks: readonly LessonBlock[] }) {
  return (
    <div className="lesson">
      {blocks.map((block, index) => {
        const key = `${block.type}-${index}`;
        switch (block.type) {
          case 'heading':
            return <h3 key={key}>{block.text}</h3>;
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
