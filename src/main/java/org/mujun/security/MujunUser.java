package org.mujun.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in principal: role, region prefix, own USCC (ENTERPRISE) and data sets (DATA_PROVIDER). */
public record MujunUser(long id, String username, String displayName, String passwordHash, Role role,
                        String regionCode, String uscc, Set<String> datasets, boolean enabled,
                        Instant lockedUntil, boolean mustChangePassword) implements UserDetails, Serializable {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    public Scope scope() {
        if (!role.seesBusinessData()) {
            return new Scope(regionCode == null ? null : regionCode, null, false);
        }
        return new Scope(regionCode, role == Role.ENTERPRISE ? uscc : null, true);
    }

    /** A copy narrowed to the data sets of an API token (never wider than the user's own). */
    public MujunUser withDatasets(Set<String> tokenDatasets) {
        Set<String> narrowed = role == Role.DATA_PROVIDER
                ? Set.copyOf(tokenDatasets.stream().filter(datasets::contains).toList())
                : datasets;
        return new MujunUser(id, username, displayName, passwordHash, role, regionCode, uscc, narrowed, enabled,
                lockedUntil, mustChangePassword);
    }
}
