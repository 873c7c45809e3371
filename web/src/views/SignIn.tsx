// Sign-in form, shown when the server has accounts and this browser has no session. The session is an
// HttpOnly cookie the page never sees; signing in reloads the views.
import { useState } from "react";
import { type Actor, api } from "../api.js";

export function SignIn({ onSignedIn }: { onSignedIn: (a: Actor) => void }) {
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      onSignedIn(await api.post<Actor>("/api/login", { name, password }));
    } catch (x) {
      setError((x as Error).message);
    }
  };
  return (
    <section className="sign-in">
      <h1>Sign in</h1>
      <form onSubmit={submit}>
        <label>
          User name <input autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Password{" "}
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit" disabled={!name || !password}>
          Sign in
        </button>
        {error && (
          <div className="error" role="alert">
            {error}
          </div>
        )}
      </form>
    </section>
  );
}
