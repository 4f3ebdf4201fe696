import { AnnouncementList } from '../announcements/AnnouncementList';
import { ActivityFeed } from '../dashboard/ActivityFeed';
import { LivePresence } from '../dashboard/LivePresence';
import { MetricsPanel } from '../dashboard/MetricsPanel';
import { MyStatus } from '../dashboard/MyStatus';

/** The live dashboard: people first, then announcements, my status, server and activity. */
export function Dashboard() {
  return (
    <div className="dashboard">
      <div className="col-main">
        <LivePresence />
        <MetricsPanel />
      </div>
      <div className="col-side">
        <MyStatus />
        <AnnouncementList />
        <ActivityFeed />
      </div>
    </div>
  );
}
