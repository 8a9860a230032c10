// Every page of the module inside its shell: the bar with the election the admin site works in (and the way to
// change it) above the page itself.
import type { ReactNode } from 'react';
import { ElectionBar } from './current-election';
import './election.css';

export function ElectionShell({ children }: { children: ReactNode }) {
  return (
    <div className="election-module">
      <ElectionBar />
      {children}
    </div>
  );
}
