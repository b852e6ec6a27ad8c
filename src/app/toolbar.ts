// What the toolbar and the About link do: dialogs, the PNG of the map as shown, CSV and GeoJSON downloads.
import { fileStem } from '../derive/describe';
import { countryName, selectViewTitle } from '../state/selectors';
import { stageLines } from '../derive/stages';
import { actions } from '../state/store';
import type { PanelHandlers } from '../ui/panels';
import { $, type App } from './context';

/** PNG of the map exactly as shown, at 1x, 2x or 3x, with title, legend and attribution drawn in. */
async function exportPng(app: App, ratio: number): Promise<void> {
  if (!app.map) {
    actions.notify(
      app.store,
      'warning',
      'There is no map image to export: the map could not start in this browser.',
    );
    return;
  }
  try {
    const mod = await import('../ui/export');
    const images = await app.map.capture(ratio);
    const s = app.store.getState();
    // The stage view and the year's shares go into the image when the reader can see them in the panel.
    const shown = document.querySelector('[data-testid="stage-view"]');
    const stages = shown && shown.getClientRects().length > 0 ? app.chunks.chart?.selectStageView(s) : null;
    const panel = stages
      ? {
          title: `${stages.mineral}, stage by stage (latest cited figure up to ${s.filters.year})`,
          lines: stageLines(stages.cells, s.filters.year, countryName(s)),
        }
      : null;
    const canvas = mod.composePng(s, images, ratio, panel);
    mod.download(`${fileStem(s.filters, s.scenario)}@${ratio}x.png`, await mod.pngBlob(canvas));
  } catch (error) {
    actions.notify(app.store, 'error', `The image could not be made: ${(error as Error).message}.`);
  }
}

export function toolbarHandlers(app: App): PanelHandlers {
  const about = $<HTMLDialogElement>('#about');
  const share = $<HTMLDialogElement>('#share');
  const state = () => app.store.getState();
  return {
    onProjects() {
      actions.setProjectsView(app.store, { open: true });
    },
    onAbout() {
      void import('../ui/about').then((m) => {
        m.renderAbout(about, state().data, state().lang);
        about.showModal();
      });
    },
    onShare() {
      void import('../ui/share').then((m) => m.openShareDialog(share, state(), selectViewTitle(state())));
    },
    onPng: (ratio) => void exportPng(app, ratio),
    onCsv: () => void import('../ui/export').then((m) => m.downloadCsv(state())),
    onGeoJson: () => void import('../ui/export').then((m) => m.downloadGeoJson(state())),
    onTable: () => actions.setTable(app.store, !state().table),
  };
}
