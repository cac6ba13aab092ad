import type { DbEngine } from './engine';

export async function seedDatabase(_engine: DbEngine): Promise<void> {}
