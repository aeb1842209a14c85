import { ComingSoon } from '../placeholder/ComingSoon';

export function LeaderboardPage() {
  return <ComingSoon section="leaderboard" />;
}
