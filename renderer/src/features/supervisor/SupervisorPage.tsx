import { ComingSoon } from '../placeholder/ComingSoon';

export function SupervisorPage() {
  return <ComingSoon section="supervisor" />;
}
