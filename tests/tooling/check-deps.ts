// npm run deps (part of npm test): fails on an import that breaks the layering of src/ or closes a folder cycle.
import { checkDependencies } from './dependencies';

const check = await checkDependencies();
console.log(check.report);
if (!check.ok) process.exitCode = 1;
