// Stage projects.json: the curated projects and their public support, each linked to its published site or to none.
import { projectsFileSchema } from '../../../src/data/projects-schema';
import type { Project } from '../../../src/model/projects';
import type { Site, Source } from '../../../src/model/types';
import { linkProjectsToSites } from '../project-sites';
import { loadProjects } from '../projects';
import type { ReportEntry } from '../sites';
import { jsonLines, validate, writeOutput } from './output';

/** Where projects.json comes from as a whole; every project and support row also carries its own citation. */
export const PROJECTS_SOURCE: Source = {
  publisher: 'Critical Minerals Map (this project)',
  title:
    'Public support for critical-mineral projects outside China (data/curated/projects.csv, project-support.csv)',
  year: 2026,
};

/** Read and validate the project tables, link each project to a site (reported), write projects.json. */
export function writeProjects(
  curatedDir: string,
  outDir: string,
  sites: readonly Site[],
  mineralIds: ReadonlySet<string>,
  report: ReportEntry[],
  log: (line: string) => void,
): Project[] {
  const curated = loadProjects(curatedDir, mineralIds);
  const links = linkProjectsToSites(curated, sites, report);
  const projects: Project[] = curated.map(({ siteHint: _hint, ...p }) => ({
    ...p,
    siteId: links.get(p.id) ?? null,
  }));
  const file = validate(projectsFileSchema, { projects, sources: [PROJECTS_SOURCE] }, 'projects.json');
  writeOutput(
    outDir,
    'projects.json',
    jsonLines('{"projects":[', file.projects, `],"sources":${JSON.stringify(file.sources)}}`),
  );
  log(`projects: ${projects.length} (${projects.filter((p) => p.siteId !== null).length} linked to a site)`);
  return file.projects;
}
