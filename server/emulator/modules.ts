// The one registration list of emulator modules. To plug in a module, import it and add it here
// (after `coreModule`, whose migrations and demo data the others build on). See README.md.
import { coreModule } from './core/index.ts';
import type { EmulatorModule } from './core/module.ts';
import { emailingsModule } from './emailings/index.ts';
import { selectionsModule } from './selections/index.ts';

export const modules: EmulatorModule[] = [coreModule, emailingsModule, selectionsModule];
