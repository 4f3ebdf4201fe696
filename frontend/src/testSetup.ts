import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Unmount rendered trees between tests (Vitest has no globals, so RTL cannot register this itself).
afterEach(() => cleanup());
