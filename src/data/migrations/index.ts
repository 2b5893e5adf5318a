import { v1 } from './v1.ts';
import { v2 } from './v2.ts';
import { v3 } from './v3.ts';
import { v4 } from './v4.ts';
import { v5 } from './v5.ts';
import { v6 } from './v6.ts';
import { v7 } from './v7.ts';
import { v8 } from './v8.ts';
import { v9 } from './v9.ts';
import { v10 } from './v10.ts';
import { v11 } from './v11.ts';
import { v12 } from './v12.ts';
import { v13 } from './v13.ts';
import { v14 } from './v14.ts';
import { v15 } from './v15.ts';
import { v16 } from './v16.ts';
import { v17 } from './v17.ts';
import { v18 } from './v18.ts';
import { v19 } from './v19.ts';
import { v20 } from './v20.ts';
import { v21 } from './v21.ts';
import { v22 } from './v22.ts';
import { v23 } from './v23.ts';
import type { VersionSchema } from './version.ts';

export type { VersionSchema } from './version.ts';

// Released versions are never edited: a change of schema is a new file vN.ts added at the end
// (docs/donnees.md §3), and the migration test opens a database made with every earlier list.
export const VERSIONS: readonly VersionSchema[] = [v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23];
