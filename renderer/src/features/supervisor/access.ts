/** Who may open the console. The server decides for real (403 otherwise); this only hides the door. */
export function canSupervise(role: string | undefined | null): boolean {
  return role === 'supervisor' || role === 'admin';
}
