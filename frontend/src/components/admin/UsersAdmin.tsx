import { useState, type FormEvent } from 'react';
import { adminApi } from '../../api/endpoints';
import type { AdminUser, Role } from '../../api/types';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';

const ROLES: Role[] = ['member', 'moderator', 'admin'];

function NewUserForm(props: { onCreated: () => void }) {
  const [form, setForm] = useState({ username: '', name: '', password: '', role: 'member' as Role });
  const create = useAction();
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await create.run(() => adminApi.createUser({ ...form, username: form.username.trim(), name: form.name.trim() }))) {
      setForm({ username: '', name: '', password: '', role: 'member' });
      props.onCreated();
    }
  }

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-label="Add a user">
      <div className="row">
        <label>Username<input data-testid="user-username" required autoComplete="off" value={form.username} onChange={set('username')} /></label>
        <label>Name<input data-testid="user-name" required value={form.name} onChange={set('name')} /></label>
      </div>
      <div className="row">
        <label>Password<input data-testid="user-password" type="password" required autoComplete="new-password" value={form.password} onChange={set('password')} /></label>
        <label>Role
          <select data-testid="user-role" value={form.role} onChange={set('role')}>
            {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
      </div>
      <button type="submit" data-testid="user-submit" disabled={create.busy}>Add user</button>
      {create.error && <p className="error" role="alert">{create.error}</p>}
    </form>
  );
}

function UserRow(props: { user: AdminUser; onChanged: () => void }) {
  const { user, onChanged } = props;
  const update = useAction();
  const change = async (patch: Parameters<typeof adminApi.updateUser>[1]) => {
    if (await update.run(() => adminApi.updateUser(user.id, patch))) onChanged();
  };
  return (
    <tr data-testid="user-row" data-user-id={user.id} className={user.disabled ? 'disabled' : undefined}>
      <td>{user.name}<div className="muted small">{user.username}</div></td>
      <td>
        <select aria-label={`Role of ${user.name}`} data-testid="user-role-select" value={user.role} disabled={update.busy}
          onChange={(e) => void change({ role: e.target.value as Role })}>
          {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
      </td>
      <td>{user.disabled ? 'Disabled' : 'Active'}</td>
      <td>
        <button type="button" className={user.disabled ? 'secondary' : 'danger'} data-testid="user-toggle" disabled={update.busy}
          onClick={() => void change({ disabled: !user.disabled })}>
          {user.disabled ? 'Enable' : 'Disable'}
        </button>
        {update.error && <div className="error small" role="alert">{update.error}</div>}
      </td>
    </tr>
  );
}

/** Users and roles: list, add, change role, disable (which also closes their sessions) and enable. */
export function UsersAdmin() {
  const users = useApi(() => adminApi.users(), 'users');
  return (
    <section className="panel" aria-labelledby="users-title">
      <h2 id="users-title">Users and roles</h2>
      <NewUserForm onCreated={users.reload} />
      {users.error && <p className="error" role="alert">Could not load users: {users.error}</p>}
      {users.loading && !users.data ? (
        <p className="empty">Loading users…</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table">
            <thead><tr><th>User</th><th>Role</th><th>State</th><th /></tr></thead>
            <tbody>
              {(users.data ?? []).map((u) => <UserRow key={u.id} user={u} onChanged={users.reload} />)}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
