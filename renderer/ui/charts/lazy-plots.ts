/**
 * The recharts plots, loaded on first use: every import of recharts goes through here, so Vite
 * puts recharts (and its d3/redux dependencies) in one chunk outside the eager bundle.
 */
import { lazy } from 'react';

const plots = () => import('./recharts-plots');

export const LazyBarPlot = lazy(() => plots().then((module) => ({ default: module.BarPlot })));
export const LazyRowBarPlot = lazy(() => plots().then((module) => ({ default: module.RowBarPlot })));
export const LazyLinePlot = lazy(() => plots().then((module) => ({ default: module.LinePlot })));
